import { startSimulator } from "@lro/simulator";

/**
 * The simulator in its own process, so that the clients' CPU figures exclude it. Sends its two origins
 * to the parent, answers "cpu" with its CPU time so far, and stops when the parent disconnects or says "stop".
 */
const simulator = await startSimulator({ port: 0, monitorPort: 0, recordPollTimes: true });
const stop = () => void simulator.close().then(() => process.exit(0));
process.on("message", (message) => {
  if (message === "stop") stop();
  if (message === "cpu") {
    const usage = process.cpuUsage();
    process.send?.({ cpuMs: (usage.user + usage.system) / 1000 });
  }
});
process.on("disconnect", stop);
process.send?.({ url: simulator.url, monitorUrl: simulator.monitorUrl });
