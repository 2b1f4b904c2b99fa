// Asking for a secret on the terminal without echoing it. When stdin is not a
// terminal (a pipe in automation), the next line of stdin is the answer.
import { createInterface } from "node:readline";

let piped;

async function nextPipedLine() {
  piped ??= createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  const { value, done } = await piped.next();
  return done ? "" : value;
}

export function closePrompt() {
  piped?.return?.();
}

export async function ask(question) {
  if (!process.stdin.isTTY) return nextPipedLine();
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise((resolve) => rl.question(question, resolve));
  rl.close();
  return answer;
}

export async function askHidden(question) {
  if (!process.stdin.isTTY) return nextPipedLine();
  process.stderr.write(question);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const onData = (chunk) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          done();
          resolve(value);
          return;
        }
        if (ch === "\u0003") {
          done();
          reject(new Error("cancelled"));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else value += ch;
      }
    };
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    stdin.on("data", onData);
  });
}
