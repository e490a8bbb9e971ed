import { PNG } from 'pngjs';

/**
 * The two icons a Teams app package needs, drawn in code so the repository holds no binaries and a
 * clinic can restyle them by changing a colour: a 192×192 full-colour icon, and a 32×32 outline
 * icon that Teams requires to be white on a transparent background. The symbol is a ring with a
 * tick: "checked, and still watching" — not a cross, which could read as an emergency service.
 */
export const ACCENT = '#0F6C73';

type Rgb = readonly [number, number, number];
interface Stroke { ax: number; ay: number; bx: number; by: number }

/** Distance from a point to a segment, in icon-relative units (0..1). */
function segmentDistance(x: number, y: number, s: Stroke): number {
  const dx = s.bx - s.ax;
  const dy = s.by - s.ay;
  const t = Math.max(0, Math.min(1, ((x - s.ax) * dx + (y - s.ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (s.ax + t * dx), y - (s.ay + t * dy));
}

/** The symbol, scaled so the ring has `radius`, strokes `width` thick (relative units). */
function inSymbol(x: number, y: number, radius: number, width: number): boolean {
  const ring = Math.abs(Math.hypot(x - 0.5, y - 0.5) - radius) <= width / 2;
  const k = radius / 0.3;
  const p = (u: number, v: number): [number, number] => [0.5 + (u - 0.5) * k, 0.5 + (v - 0.5) * k];
  const [ax, ay] = p(0.38, 0.5);
  const [mx, my] = p(0.47, 0.6);
  const [bx, by] = p(0.64, 0.4);
  const tick = Math.min(segmentDistance(x, y, { ax, ay, bx: mx, by: my }), segmentDistance(x, y, { ax: mx, ay: my, bx, by })) <= width / 2;
  return ring || tick;
}

/** Share of a pixel the symbol covers, from 4×4 samples (smooth edges without a graphics library). */
function coverage(px: number, py: number, size: number, radius: number, width: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i += 1) {
    for (let j = 0; j < 4; j += 1) {
      if (inSymbol((px + (i + 0.5) / 4) / size, (py + (j + 0.5) / 4) / size, radius, width)) hits += 1;
    }
  }
  return hits / 16;
}

function hex(colour: string): Rgb {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function draw(size: number, radius: number, width: number, background: Rgb | null): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const c = coverage(x, y, size, radius, width);
      const i = (y * size + x) * 4;
      if (background) {
        // White symbol blended over the opaque accent colour.
        for (let k = 0; k < 3; k += 1) png.data[i + k] = Math.round(background[k]! * (1 - c) + 255 * c);
        png.data[i + 3] = 255;
      } else {
        // Pure white, with the coverage as alpha: every pixel is white or transparent.
        png.data[i] = 255;
        png.data[i + 1] = 255;
        png.data[i + 2] = 255;
        png.data[i + 3] = Math.round(255 * c);
      }
    }
  }
  return PNG.sync.write(png);
}

/** 192×192, opaque accent background, symbol inside Teams' central safe area. */
export function colorIcon(accent: string = ACCENT): Buffer {
  return draw(192, 0.24, 0.06, hex(accent));
}

/** 32×32, white on transparent, symbol filling the frame. */
export function outlineIcon(): Buffer {
  return draw(32, 0.4, 0.1, null);
}
