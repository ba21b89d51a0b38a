import { startSimulator } from "@lro/simulator";
import { serveQuestions } from "./server-process.js";

/**
 * The simulator in its own process, so that the clients' CPU figures exclude it. Sends its two origins
 * to the parent, answers "cpu" with its CPU time so far (ms), and stops on "stop" or when the parent goes.
 */
const simulator = await startSimulator({ port: 0, monitorPort: 0, recordPollTimes: true });
serveQuestions(
  {
    cpu: () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    },
  },
  () => simulator.close(),
);
process.send?.({ url: simulator.url, monitorUrl: simulator.monitorUrl });
