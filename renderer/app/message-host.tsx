// Hands antd's <App> message API to renderer/app/errors.ts, so that code outside components
// (showError) uses the same message instance as the dialogs: messages go out one way.
import { App as AntApp } from 'antd';
import { useEffect } from 'react';
import { setMessageApi } from './errors';

export function MessageHost() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    setMessageApi(message);
    return () => setMessageApi(undefined);
  }, [message]);
  return null;
}
