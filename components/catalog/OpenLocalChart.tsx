'use client';
import { useRouter } from 'next/navigation';
import { LocalChartPicker } from './LocalChartPicker';

/** The catalog's entry for a chart on the user's disk. */
export function OpenLocalChart() {
  const router = useRouter();
  return (
    <section className="open-local" aria-labelledby="open-local-title">
      <h2 id="open-local-title">Your own chart</h2>
      <LocalChartPicker onOpened={() => router.push('/configure/local')}>
        <p>Drop a chart packaged with <code>helm package</code> or <code>helm pull</code> (.tgz), or a chart folder. It is read and rendered in this tab, never uploaded.</p>
      </LocalChartPicker>
    </section>
  );
}
