import { render } from 'preact';
import '../shared/theme.css';
import './admin.css';
import { AdminApp } from './admin-app.tsx';

/** Entry point of the admin dashboard at /admin/ (served behind the admin auth). */
render(<AdminApp />, document.getElementById('app')!);
