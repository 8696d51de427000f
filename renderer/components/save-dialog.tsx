// The dialog a record is entered or changed in: 保存 and 取消, wired to the one submit hook
// (use-submit: Enter saves, 保存 shows it is saving, the first field gets the focus). A click beside
// the dialog does not close it, so a slip of the mouse never throws away what the clerk typed;
// 取消, Esc and the close button do.
import { Modal, type ModalProps } from 'antd';
import type { ReactNode } from 'react';

export function SaveDialog({
  title,
  width,
  submit,
  onClose,
  children,
}: {
  title: ReactNode;
  width?: number;
  /** The submit hook's modalProps (onOk, confirmLoading, afterOpenChange). */
  submit: Pick<ModalProps, 'onOk' | 'confirmLoading' | 'afterOpenChange'>;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal open destroyOnHidden mask={{ closable: false }} title={title} width={width} okText="保存" cancelText="取消" {...submit} onCancel={onClose}>
      {children}
    </Modal>
  );
}
