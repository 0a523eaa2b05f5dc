// Stand-ins for @tarojs/components in jsdom: the same DOM elements the H5 build renders, with
// Taro's event shapes (onInput receives { detail: { value } }).
import { createElement, type ReactNode } from 'react';

type Props = Record<string, any> & { children?: ReactNode };

function passThrough(tag: string) {
  return function Component({ hoverClass: _h, ...props }: Props) {
    return createElement(tag, props, props.children);
  };
}

export const View = passThrough('div');
export const Text = passThrough('span');
export const Label = passThrough('label');
export const Form = passThrough('form');
export const ScrollView = passThrough('div');
export const Image = ({ src, ...props }: Props) => createElement('img', { src, ...props });

export function Button({ formType: _f, loading: _l, ...props }: Props) {
  return createElement('button', { type: 'button', ...props }, props.children);
}

export function Input({ onInput, onBlur, onFocus, onConfirm: _c, maxlength, password, type, value, ...props }: Props) {
  return createElement('input', {
    ...props,
    type: password ? 'password' : type === 'number' || type === 'idcard' || type === 'digit' ? 'text' : type || 'text',
    maxLength: maxlength,
    value: value ?? '',
    onChange: (e: any) => onInput?.({ detail: { value: e.target.value } }),
    onBlur: (e: any) => onBlur?.({ detail: { value: e.target.value } }),
    onFocus: (e: any) => onFocus?.({ detail: { value: e.target.value } }),
  });
}

export function WebView({ src }: Props) {
  return createElement('iframe', { src, title: 'web-view' });
}
