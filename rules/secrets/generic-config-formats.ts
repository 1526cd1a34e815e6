import { createClient } from '@acme/search-sdk';

// ruleid: secret-sdk-positional-key
export const search = createClient('Wq3Zt8LmX2vK9pR4sN7cB1hD6fJ5gT0e');
// ok: secret-sdk-positional-key
export const fromEnv = createClient(process.env.SEARCH_KEY!);
// ok: secret-sdk-positional-key
export const local = createClient('http://localhost:7700');
