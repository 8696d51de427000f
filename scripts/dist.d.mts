// Types of scripts/dist.mjs for the TypeScript tests.
export const ELECTRON_ZIPS_FOLDER: string;
export const BUILDER_CACHE_FOLDER: string;
export type DistPlatform = 'linux' | 'win32';
export interface BuilderTool {
  release: string;
  file: string;
  purpose: string;
}
export interface ReleaseInput {
  file: string;
  folder: string;
  sha256?: string;
}
export function builderTools(platform: DistPlatform, hostArch?: string): BuilderTool[];
export function electronVersion(root?: string): { version: string; checksums: Record<string, string> };
export function requiredInputs(options: { root?: string; platforms: DistPlatform[]; hostArch?: string }): ReleaseInput[];
export function checkInputs(inputs: ReleaseInput[]): string | undefined;
export function platformsOf(argv: string[], hostPlatform?: NodeJS.Platform): DistPlatform[];
