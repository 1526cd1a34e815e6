import cors, { type CorsOptions } from 'cors';

// ruleid: js-cors-credentials-any-origin
const options: CorsOptions = { origin: true, credentials: true, maxAge: 600 };
// ok: js-cors-credentials-any-origin
const strict: CorsOptions = { origin: ['https://app.example.com'], credentials: true };
// ok: js-cors-credentials-any-origin
const open: CorsOptions = { origin: '*', credentials: false };

export const middleware = [cors(options), cors(strict), cors(open)];
