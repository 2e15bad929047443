// JSX typing of <altcha-widget> for React.
import type {} from 'altcha/types/react';
