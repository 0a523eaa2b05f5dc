// The app root: every page renders inside it, so the elder-mode provider reaches all of them.
import { createElement, type PropsWithChildren } from 'react';
import { ElderModeProvider } from '@/theme/elder-mode';
import './app.scss';

function App({ children }: PropsWithChildren) {
  return createElement(ElderModeProvider, null, children);
}

export default App;
