// undici's Agent module, imported on its own by the Node transport (undici ships no types for its files).
declare module "undici/lib/dispatcher/agent.js" {
  import type { Agent } from "undici";
  const agent: typeof Agent;
  export default agent;
}
