export interface Reading {
  container: string;
  celsius: number;
  ts: number;
}

// Parses the probe multiplexer lines ("C12;-18.4").
export function* readingsFrom(_port: string, lines: string[] = []): Generator<Reading> {
  for (const line of lines) {
    const [container, value] = line.split(';');
    const celsius = Number.parseFloat(value);
    if (container && Number.isFinite(celsius)) yield { container, celsius, ts: Date.now() };
  }
}
