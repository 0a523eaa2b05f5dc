import type { UserConfigExport } from '@tarojs/cli';

// Production builds (the default of `taro build`): minified, quiet.
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
