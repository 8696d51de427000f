// A small button of a list's row (编辑, 删除, 打印…): a plain <button> drawn as antd's
// <Button size="small"> looks, by app.css in the theme's variables. A list draws dozens of them at
// every read, and antd's Button runs its theme token, style registration and click wave for each.
import type { ButtonHTMLAttributes, Ref } from 'react';

export interface RowButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** As antd's: 'default' (outlined), 'primary' (solid) or 'link'. */
  type?: 'default' | 'primary' | 'link';
  danger?: boolean;
  /** A Popconfirm or Upload around it finds the button through its ref. */
  ref?: Ref<HTMLButtonElement>;
}

function rowButtonClass(type: RowButtonProps['type'] = 'default', danger = false, extra?: string): string {
  return ['ledger-row-button', type !== 'default' && `ledger-row-button-${type}`, danger && 'ledger-row-button-danger', extra].filter(Boolean).join(' ');
}

export function RowButton({ type, danger, className, ref, ...rest }: RowButtonProps) {
  return <button ref={ref} type="button" className={rowButtonClass(type, danger, className)} {...rest} />;
}
