import { defineConfig } from "vite";

// `npm run dev` serves the app on :5173 and forwards the REST API to a running gateway (./learnflow up);
// the WebSocket goes straight to the websocket service (:8108), as in production.
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Mermaid is large and loaded on demand (only when an answer carries a diagram).
    chunkSizeWarningLimit: 3000,
    sourcemap: false,
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8180",
    },
  },
});
