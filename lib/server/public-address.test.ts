import { describe, expect, it } from 'vitest';
import { addressRefusal, parseIPv6 } from './public-address';

describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local'],
    ['168.63.129.16', 'metadata'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['::1', 'loopback'],
    ['::', 'not a global unicast'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'unique local'],
    ['fc00::1', 'unique local'],
    ['ff02::1', 'not a global unicast'],
    ['::ffff:127.0.0.1', 'loopback address (inside an IPv6 address)'],
    ['::ffff:7f00:1', 'loopback address (inside an IPv6 address)'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'private address (inside an IPv6 address)'],
    ['2002:c0a8:101::1', 'private address (inside a 6to4 address)'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378::1', 'Teredo'],
    ['[::1]', 'loopback'],
    ['localhost', 'not an IP address'],
  ])('refuses %s (%s)', (address, why) => {
    expect(addressRefusal(address)).toContain(why);
  });

  it.each(['1.1.1.1', '8.8.8.8', '140.82.112.3', '172.32.0.1', '100.128.0.1', '169.253.255.255', '2606:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])(
    'allows the public address %s',
    (address) => {
      expect(addressRefusal(address)).toBeNull();
    },
  );
});

describe('parseIPv6', () => {
  it.each([
    ['::1', '00000000000000000000000000000001'],
    ['2001:db8::8a2e:370:7334', '20010db80000000000008a2e03707334'],
    ['::ffff:1.2.3.4', '00000000000000000000ffff01020304'],
    ['1:2:3:4:5:6:7:8', '00010002000300040005000600070008'],
    ['fe80::1%eth0', 'fe800000000000000000000000000001'],
  ])('%s', (text, hex) => {
    expect(Buffer.from(parseIPv6(text)!).toString('hex')).toBe(hex);
  });

  it('is null for what is not IPv6', () => {
    expect(parseIPv6('1.2.3.4')).toBeNull();
    expect(parseIPv6('example.com')).toBeNull();
  });
});
