// One jest run, three projects: the BFF side (devdb, sandbox, BFF over real TCP/HTTP),
// the mini-program's unit tests (jsdom with @tarojs stand-ins) and the browser suite.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  // Suites start real processes (devdb, sandbox, BFF, Chromium) on a shared 2-core machine.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'bff',
      rootDir: '<rootDir>/bff',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      transformIgnorePatterns: ['/node_modules/(?!(mingo)/)'],
    },
    {
      displayName: 'miniapp',
      rootDir: '<rootDir>/apps/miniapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/test/stubs/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/stubs/components.tsx',
        '\\.(css|scss|sass)$': '<rootDir>/test/stubs/style.ts',
        '^@/(.*)$': '<rootDir>/src/$1',
      },
    },
    {
      displayName: 'e2e',
      rootDir: '<rootDir>/tests',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/e2e/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      globalSetup: '<rootDir>/support/global-setup.ts',
      globalTeardown: '<rootDir>/support/global-teardown.ts',
    },
  ],
};
