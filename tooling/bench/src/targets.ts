/** A target from the issues, with the figure measured against it. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}
