// Task pane and ribbon-command bundles. Office.js itself is loaded from Microsoft's CDN by the HTML pages
// (as every add-in does), so it is never bundled.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));
const devPort = 3000;

/** Dev-server HTTPS options from office-addin-dev-certs when they exist; plain http otherwise (Linux/CI). */
async function devServerHttps() {
  try {
    const devCerts = await import('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options };
  } catch (error) {
    // On Linux the CA cannot be installed (ENVIRONMENT.md); say so instead of failing silently.
    console.warn(
      `[duban] HTTPS dev certificates unavailable (${error instanceof Error ? error.message : String(error)}); serving http on loopback.`,
    );
    return { type: 'http' };
  }
}

export default async (_env, argv) => {
  const dev = argv.mode !== 'production';
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(root, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // Our sources import siblings with their real `.ts` extension (TypeScript's rewriteRelativeImportExtensions).
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: 'tsconfig.web.json',
              // Type checking is `npm run typecheck`'s job; the bundle only needs transpiling.
              transpileOnly: true,
              compilerOptions: { noEmit: false, module: 'ESNext', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/taskpane/help.html',
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(root, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: dev ? await devServerHttps() : 'http',
      port: devPort,
      host: 'localhost',
    },
  };
};
