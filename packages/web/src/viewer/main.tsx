import { render } from 'preact';
import '../shared/theme.css';
import './viewer.css';
import { ViewerPage } from './viewer-page.tsx';

render(<ViewerPage />, document.getElementById('app')!);
