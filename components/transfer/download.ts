/** Saves text as a file through the browser's own download, from an extension page. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
