// Taro build configuration for the one bianmin app, built as a WeChat mini-program (weapp) and as
// H5. appPath is the repository root; the sources live in apps/miniapp/src.
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');

/** Points Taro's babel-loader at config/babel.config.js instead of a root-level file. */
type LoaderOptions = Record<string, unknown>;
interface ScriptRuleChain {
  module: {
    rule(name: string): { use(name: string): { tap(edit: (options: LoaderOptions) => LoaderOptions): unknown } };
  };
}

function useOwnBabelConfig(chain: ScriptRuleChain): void {
  chain.module
    .rule('script')
    .use('babelLoader')
    .tap((options: LoaderOptions = {}) => ({ ...options, configFile: path.join(__dirname, 'babel.config.js') }));
}

/**
 * Where the app reaches the BFF. H5 is served by the BFF itself, so same-origin `/api` works on any
 * host and port. The mini-program must name a host: BIANMIN_API_BASE at build time, else a local BFF.
 */
function apiBase(): string {
  if (process.env.TARO_ENV === 'h5') return '/api';
  const origin = (process.env.BIANMIN_API_BASE || 'http://127.0.0.1:3000').replace(/\/+$/, '');
  return `${origin}/api`;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'bianmin',
    date: '2026-11-23',
    // The app and NutUI React Taro are both drawn at 375 px: one CSS px is one device px on a
    // 375-wide phone, and 2 rpx in the mini-program.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'apps/miniapp/src',
    outputRoot: `dist/${process.env.TARO_ENV || 'weapp'}`,
    // NutUI React Taro renders HTML-like elements in the mini-program: it needs the HTML plugin.
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      BIANMIN_API_BASE: JSON.stringify(apiBase()),
    },
    // Keep Chinese text as UTF-8 in the minified code: escaped as \uXXXX every character costs 6
    // bytes instead of 3, and the mini-program's main package is capped at 2 MB.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    alias: {
      '@': path.resolve(root, 'apps/miniapp/src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain: useOwnBabelConfig,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Plain DOM elements (@tarojs/components-react) instead of web components: ARIA attributes
      // then land on the real <input>/<button>, so every control has its accessible name.
      useHtmlComponents: true,
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain: useOwnBabelConfig,
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
