import { render } from 'preact';
import '../shared/theme.css';

/**
 * Entry point of the admin dashboard at /admin/ (served behind the admin auth). The dashboard
 * itself is built in its own piece of work; until then this page says so plainly.
 */
function AdminPlaceholder() {
  return (
    <main class="admin-placeholder">
      <h1>hexcast admin</h1>
      <p>The admin dashboard is not built yet. The admin API under <code>/api/admin/</code> works.</p>
    </main>
  );
}

render(<AdminPlaceholder />, document.getElementById('app')!);
