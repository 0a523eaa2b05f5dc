// Pieces of the guide desk: choice chips and the request's QR code (an SVG drawn on the device
// from the code's text, so no canvas is needed in the mini-program).
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Skeleton } from '@/components/Skeleton';
import './guide.scss';

export const guideRoutes = {
  desk: '/packages/guide/pages/index',
  request: '/packages/guide/pages/request/index',
  act: (grantId: string) => `/packages/guide/pages/act/index?grantId=${encodeURIComponent(grantId)}`,
};

export function Chip(props: { label: string; on: boolean; onClick: () => void; multiple?: boolean }) {
  return (
    <View
      className={`guide-chip ${props.on ? 'guide-chip--on' : ''}`}
      role={props.multiple ? 'checkbox' : 'radio'}
      aria-checked={props.on}
      tabIndex={0}
      aria-label={props.label}
      onClick={props.onClick}
    >
      <Text>{props.label}</Text>
    </View>
  );
}

function svgDataUrl(svg: string): string {
  const bytes = new Uint8Array(svg.length);
  for (let i = 0; i < svg.length; i++) bytes[i] = svg.charCodeAt(i) & 0xff;
  // The H5 implementation encodes a byte array (given an ArrayBuffer it returns ''); the
  // mini-program's wants the ArrayBuffer itself.
  const input = process.env.TARO_ENV === 'h5' ? (bytes as unknown as ArrayBuffer) : bytes.buffer;
  return `data:image/svg+xml;base64,${Taro.arrayBufferToBase64(input)}`;
}

export function RequestQr({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then((svg) => live && setSrc(svgDataUrl(svg)))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text]);
  return src ? (
    <Image className="guide-qr__image" src={src} mode="aspectFit" ariaLabel={label} />
  ) : (
    <Skeleton lines={3} />
  );
}
