/** Saves a file through the browser's own download, from an extension page. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the blob can go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
