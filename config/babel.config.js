// Babel for the app's sources (babel-preset-taro). Kept beside the Taro config; config/index.ts
// points Taro's babel-loader here, because the repository root is shared with the BFF.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
