// Dialogs load their code when first opened.
import { lazy } from "../lazy";

export const MediaViewer = lazy(() => import("./MediaViewer").then((m) => m.MediaViewer));
export const ReportDialog = lazy(() => import("./ReportDialog").then((m) => m.ReportDialog));
