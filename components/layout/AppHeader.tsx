import Link from 'next/link';
import { ThemeToggle } from '../ui/ThemeToggle';

/** The bar at the top of every page. */
export function AppHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        chartroom
      </Link>
      <nav aria-label="Site">
        <Link href="/">Charts</Link>
      </nav>
      <ThemeToggle />
    </header>
  );
}
