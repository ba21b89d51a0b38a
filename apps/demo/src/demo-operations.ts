import type { ScenarioOptions } from "@lro/simulator";

/** One action the demo asks the simulator for, and how the operation it starts will go. */
export interface DemoOperation {
  path: string;
  /** POST unless said (bulk place updates are a PATCH). */
  method?: "POST" | "PATCH";
  body?: Record<string, unknown>;
  scenario: ScenarioOptions;
}

const paced = { retryAfterSeconds: 1, monitorRetryAfterSeconds: 1 } as const;

/** A mix of flavours: some progress and succeed, some fail, some give no percentage, one waits before starting. */
export const demoOperations: readonly DemoOperation[] = [
  {
    path: "/v1.0/sites/root/contentTypes/addCopyFromContentTypeHub",
    body: { contentTypeId: "0x0101009D1CB255DA76424F860D91F20E6C4118" },
    scenario: { ...paced, durationMs: 24_000, progress: "linear" },
  },
  {
    path: "/v1.0/teams/5b3ea0e2-5fed-45ab-a8b8-7f7cd97189d6/clone",
    body: { displayName: "Marketing (copy)" },
    scenario: { ...paced, durationMs: 36_000, progress: "steps" },
  },
  {
    path: "/v1.0/drives/b!demo/items/01DEMOITEM/copy",
    body: { name: "Quarterly report (copy).xlsx" },
    scenario: { ...paced, durationMs: 16_000, progress: "ease", copyCompletion: "body" },
  },
  {
    path: "/v1.0/users/adele@contoso.com/exportPersonalData",
    body: { storageLocation: "https://contoso.blob.core.windows.net/exports" },
    scenario: {
      ...paced,
      durationMs: 20_000,
      outcome: "failed",
      error: { code: "storageAccessDenied", message: "The export could not write to the storage location." },
    },
  },
  {
    path: "/v1.0/users/adele@contoso.com/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword",
    scenario: { ...paced, durationMs: 9_000, progress: "none" },
  },
  {
    path: "/beta/me/onenote/pages/page-1/copyToSection",
    body: { id: "section-2" },
    scenario: {
      ...paced,
      durationMs: 14_000,
      outcome: "failed",
      error: { code: "20102", message: "The section does not exist or is read-only." },
    },
  },
  {
    path: "/v1.0/print/printers/create",
    body: { displayName: "Lobby printer" },
    scenario: { ...paced, durationMs: 28_000, notStartedMs: 6_000 },
  },
  {
    path: "/beta/security/attackSimulation/simulations",
    body: { displayName: "Phishing drill" },
    scenario: { ...paced, durationMs: 45_000, progress: "linear" },
  },
  {
    path: "/v1.0/employeeExperience/communities",
    body: { displayName: "Gardening" },
    scenario: { ...paced, durationMs: 12_000, outcome: "failed" },
  },
  {
    path: "/v1.0/sites/root/lists/Documents/contentTypes/addCopyFromContentTypeHub",
    scenario: { ...paced, durationMs: 60_000, progress: "linear" },
  },
  {
    path: "/v1.0/security/cases/ediscoveryCases/b0073e4e-4184-41c6-9eb7-8c8cc3e2288b/searches/contoso-hr/estimateStatistics",
    scenario: { ...paced, durationMs: 30_000, progress: "linear" },
  },
  {
    method: "PATCH",
    path: "/beta/places",
    body: {
      value: Array.from({ length: 20 }, (_, index) => ({
        "@odata.type": "microsoft.graph.room",
        id: `room-${index + 1}`,
      })),
    },
    scenario: { ...paced, durationMs: 40_000, progress: "steps" },
  },
  {
    // Answered 200 with the running operation and its monitor: the proxy takes it over.
    path: "/v1.0/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/playPrompt",
    body: { clientContext: "d45324c1-fcb5-430a-902c-f20af696537c", prompts: [] },
    scenario: { ...paced, durationMs: 18_000, progress: "none" },
  },
  {
    // Answered 200 with the job not started yet: the proxy takes it over (the job's own address).
    path: "/beta/admin/configurationManagement/configurationSnapshots/createSnapshot",
    body: { displayName: "Weekly baseline", resources: ["microsoft.exchange.transportrule"] },
    scenario: {
      ...paced,
      durationMs: 26_000,
      notStartedMs: 4_000,
      outcome: "failed",
      error: { code: "accessDenied", message: "The app cannot read transport rules." },
    },
  },
];
