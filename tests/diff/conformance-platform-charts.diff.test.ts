import { describeConformance, type ConformanceCase } from './conformance';

/** Each row: a behaviour of helm template that platform charts rely on, with the flags to use. */
const CASES: ConformanceCase[] = [
  {
    name: 'toYaml escapes every character of a string that begins with a byte order mark',
    files: {
      'values.yaml':
        'm:\n  lead: "\\ufeffab c\\"d\\\\e\\tf"\n  mid: "a\\ufeffb"\n  nl: "\\ufeffx\\ny"\n  "\\ufeffkey": v\n  wide: "\\ufeffé日😀"\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  {{- toYaml .Values.m | nindent 2 }}\n',
    },
  },
];

describeConformance('platform chart behaviours', CASES);
