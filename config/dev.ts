import type { UserConfigExport } from '@tarojs/cli';

// Local development (`taro build --watch`): readable output, build statistics in the terminal.
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
