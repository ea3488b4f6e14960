// Types for test/unit/boundaries.test.ts.
export interface BoundaryConfig {
  layers?: Record<string, number>;
  sameLayer?: ReadonlySet<string>;
  knownImports?: ReadonlySet<string>;
}
export const LAYERS: Record<string, number>;
export const SAME_LAYER: ReadonlySet<string>;
export const KNOWN: ReadonlySet<string>;
export function check(srcDir: string, config?: BoundaryConfig): string[];
