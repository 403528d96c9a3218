// The invoice's original beside its fields: PDF pages drawn by pdf.js (zoom, paging), or the image itself. Where the
// PDF has a text layer, the selected field's value is looked up in it and outlined on the page.
import { useEffect, useRef, useState } from "react";
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";
import { invoiceFile } from "../api/invoices";
import { ErrorState, Loading } from "../../../components/PageStates";

GlobalWorkerOptions.workerSrc = workerUrl;

export interface Highlight {
  /** What to look for on the page, in the forms an invoice prints it. */
  needles: string[];
  label: string;
}

interface Box { left: number; top: number; width: number; height: number }

const fold = (text: string) => text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\s\u00a0\u202f]/g, "");

export function DocumentViewer({ invoiceId, mediaType, fileName, highlight, onRendered }: {
  invoiceId: string;
  mediaType: string;
  fileName: string;
  highlight: Highlight | null;
  onRendered?: () => void;
}) {
  const [file, setFile] = useState<Blob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [boxes, setBoxes] = useState<Box[] | null>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const [imageBroken, setImageBroken] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const isPdf = mediaType === "application/pdf";
  const isImage = mediaType.startsWith("image/") && mediaType !== "image/tiff";

  useEffect(() => {
    const controller = new AbortController();
    setFile(null);
    setError(null);
    setPdf(null);
    setPage(1);
    invoiceFile(invoiceId, controller.signal).then(setFile, (e: unknown) => {
      if (!controller.signal.aborted) setError(e);
    });
    return () => controller.abort();
  }, [invoiceId]);

  useEffect(() => {
    if (!file) return;
    if (isImage) {
      const url = URL.createObjectURL(file);
      setImageUrl(url);
      onRendered?.();
      return () => URL.revokeObjectURL(url);
    }
    if (!isPdf) return;
    let cancelled = false;
    let task: ReturnType<typeof getDocument> | null = null;
    file.arrayBuffer().then((bytes) => {
      if (cancelled) return undefined;
      task = getDocument({ data: new Uint8Array(bytes) });
      return task.promise;
    }).then(
      (document) => {
        if (document && !cancelled) setPdf(document);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
      // Destroying the loading task frees the document and its worker.
      void (task as ReturnType<typeof getDocument> | null)?.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, isPdf, isImage]);

  useEffect(() => {
    if (!pdf || !canvas.current) return;
    let cancelled = false;
    const target = canvas.current;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    (async () => {
      const pdfPage = await pdf.getPage(page);
      if (cancelled) return;
      // 1.5 × CSS pixels at zoom 1 keeps text sharp on ordinary screens.
      const viewport = pdfPage.getViewport({ scale: 1.5 * zoom });
      target.width = viewport.width;
      target.height = viewport.height;
      target.style.width = `${viewport.width / 1.5}px`;
      target.style.height = `${viewport.height / 1.5}px`;
      task = pdfPage.render({ canvas: target, viewport });
      await task.promise.catch(() => undefined);
      if (cancelled) return;
      onRendered?.();
      if (!highlight) {
        setBoxes(null);
        return;
      }
      const content = await pdfPage.getTextContent();
      const needles = highlight.needles.map(fold).filter((n) => n.length > 0);
      const found: Box[] = [];
      for (const item of content.items) {
        if (!("str" in item) || !item.str) continue;
        const text = fold(item.str);
        if (!needles.some((n) => text.includes(n))) continue;
        const [x, y] = [item.transform[4], item.transform[5]];
        const [x1, y1] = viewport.convertToViewportPoint(x, y) as number[];
        const [x2, y2] = viewport.convertToViewportPoint(x + item.width, y + item.height) as number[];
        found.push({
          left: Math.min(x1, x2) / 1.5, top: Math.min(y1, y2) / 1.5,
          width: Math.abs(x2 - x1) / 1.5, height: Math.abs(y2 - y1) / 1.5,
        });
      }
      if (!cancelled) setBoxes(found);
    })().catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
      task?.cancel();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pdf, page, zoom, highlight]);

  if (error) return <ErrorState error={error} />;
  if (!file) return <Loading label="Chargement du document…" />;
  if (!isPdf && !isImage) {
    return (
      <div className="state state-empty">
        <p>Aperçu indisponible pour ce format ({mediaType}).</p>
        <a href={URL.createObjectURL(file)} download={fileName}>Télécharger {fileName}</a>
      </div>
    );
  }
  const pages = pdf?.numPages ?? 1;
  return (
    <div className="viewer">
      <div className="viewer-tools" role="toolbar" aria-label="Affichage du document">
        <button type="button" className="button" onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))} aria-label="Réduire">−</button>
        <span aria-live="polite">{Math.round(zoom * 100)} %</span>
        <button type="button" className="button" onClick={() => setZoom((z) => Math.min(3, z + 0.25))} aria-label="Agrandir">+</button>
        {isPdf && (
          <>
            <button type="button" className="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>Page précédente</button>
            <span>Page {page} / {pages}</span>
            <button type="button" className="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>Page suivante</button>
          </>
        )}
      </div>
      {highlight && isPdf && boxes !== null && (
        <p className="viewer-note" role="status">
          {boxes.length > 0 ? `« ${highlight.label} » encadré sur la page.` : `« ${highlight.label} » introuvable sur cette page (texte lu par OCR ou autre page).`}
        </p>
      )}
      {highlight && isImage && <p className="viewer-note">Position non disponible pour une image.</p>}
      <div className="viewer-page">
        {isPdf ? (
          <div className="viewer-canvas">
            <canvas ref={canvas} aria-label={`Page ${page} de ${fileName}`} />
            {(boxes ?? []).map((b, i) => (
              <span key={i} className="viewer-highlight" data-testid="field-highlight"
                style={{ left: b.left - 3, top: b.top - 3, width: b.width + 6, height: b.height + 6 }} />
            ))}
          </div>
        ) : (
          imageBroken ? <p className="state">Aperçu impossible : le fichier n'est pas une image lisible.</p>
            : <img src={imageUrl ?? undefined} alt={fileName} style={{ width: `${zoom * 100}%` }} onError={() => setImageBroken(true)} />
        )}
      </div>
    </div>
  );
}
