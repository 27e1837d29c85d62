/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The app reads VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY (set by `npm run dev`, or
// by you for a hosted project). Tests: see tests/run.ts.
// Browser tests that change what every other test depends on, run after the others, one at a
// time: stopping the API (faults), the permission matrix (the access explainer), a detector's
// settings and a detector run over everyone's data (detectors), a required staff field that every
// staff record written meanwhile must carry (custom fields).
const browserTestsAlone = [
  "tests/e2e/faults.test.ts",
  "tests/e2e/custom-fields.test.ts",
  "tests/e2e/access-explainer.test.ts",
  "tests/e2e/detectors.test.ts",
];

export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  preview: { host: "127.0.0.1", strictPort: true },
  // The largest chunk is the dashboard's charting library (G2, 1.6 MB), fetched only when a
  // dashboard card first draws a chart.
  build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 1700 },
  test: {
    // Two files at a time (Vitest's default on two cores is one): a test file mostly waits, on
    // Postgres and PostgREST or on its pages; two side by side fill both cores.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          environment: "node",
          include: ["src/**/*.test.ts", "supabase/**/*.test.ts", "tests/unit/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "component",
          sequence: { groupOrder: 0 },
          environment: "happy-dom",
          include: ["src/**/*.test.tsx"],
          setupFiles: ["tests/setup/component.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          // Database/API tests first, then browser tests: they share the stack's data.
          sequence: { groupOrder: 1 },
          environment: "node",
          include: ["tests/db/**/*.test.ts", "tests/api/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Tests that change global state (the whole permission matrix): one file at a time,
          // after the parallel database tests.
          name: "serial",
          sequence: { groupOrder: 3 },
          environment: "node",
          include: ["tests/serial/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // The accessibility walk of every route, after the database tests (the walk visits the
          // seeded records) and before the browser tests. Not beside the database tests: on two
          // cores the two together took 440 s, one after the other 260 s.
          name: "a11y",
          sequence: { groupOrder: 2 },
          environment: "node",
          include: ["tests/e2e/accessibility.test.ts"],
          // Every role's walk at once (see the test): a walk is mostly waiting, which the others fill.
          maxConcurrency: 5,
          testTimeout: 900_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          // Browser tests two files at a time: each makes its own data, and one file alone keeps
          // about one core busy (the browser waits on the API, the API on Postgres).
          name: "e2e",
          sequence: { groupOrder: 4 },
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          exclude: ["tests/e2e/accessibility.test.ts", ...browserTestsAlone],
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e-alone",
          sequence: { groupOrder: 5 },
          environment: "node",
          include: browserTestsAlone,
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
