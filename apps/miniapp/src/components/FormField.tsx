// A labelled input with its error beside it. The visible label is also the input's accessible name;
// the error is announced (role=alert) and says how to fix the entry.
import { Input, Text, View } from '@tarojs/components';
import './FormField.scss';

export interface FormFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: (value: string) => void;
  placeholder?: string;
  error?: string | null;
  hint?: string | null;
  /** numeric: digits only (mobile, SMS code); idcard: the ID-number keyboard in the mini-program. */
  type?: 'text' | 'numeric' | 'idcard';
  maxLength?: number;
  /** Extra control at the end of the row (e.g. 获取验证码). */
  trailing?: React.ReactNode;
  name: string;
}

// In H5 a number input would become a spin button (wrong role, arrows, lost leading zeros): it stays
// a text box with a numeric keyboard. The mini-program has real number and ID-card keyboards.
function inputType(type: FormFieldProps['type']): 'text' | 'number' | 'idcard' {
  if (process.env.TARO_ENV !== 'weapp') return 'text';
  return type === 'numeric' ? 'number' : type === 'idcard' ? 'idcard' : 'text';
}

export function FormField({
  label,
  value,
  onChange,
  onBlur,
  placeholder,
  error,
  hint,
  type = 'text',
  maxLength,
  trailing,
  name,
}: FormFieldProps) {
  const errorId = `${name}-error`;
  return (
    <View className={`bm-field ${error ? 'bm-field--error' : ''}`}>
      <Text className="bm-field__label" aria-hidden>
        {label}
      </Text>
      <View className="bm-field__row">
        <Input
          className="bm-field__input"
          name={name}
          type={inputType(type)}
          inputMode={type === 'numeric' ? 'numeric' : undefined}
          value={value}
          maxlength={maxLength}
          placeholder={placeholder}
          aria-label={label}
          aria-invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => onChange(String(e.detail.value))}
          onBlur={(e) => onBlur?.(String(e.detail.value))}
        />
        {trailing}
      </View>
      {error ? (
        <Text id={errorId} className="bm-field__error" role="alert">
          {`⚠ ${error}`}
        </Text>
      ) : hint ? (
        <Text className="bm-field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}
