// The invoice's original beside its fields: PDF pages drawn by pdf.js, images shown as they are, TIFF pages decoded in
// the browser (UTIF) since no browser shows a TIFF; zoom and paging for all. The selected field is outlined where the
// OCR engine read it (its stored position: Tesseract, pdftotext -bbox or Textract boxes); only when the engine gave no
// position is the value looked up in the PDF's text layer instead.
import { useEffect, useRef, useState } from "react";
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";
import { invoiceFile } from "../api/invoices";
import { ErrorState, Loading } from "../../../components/PageStates";

GlobalWorkerOptions.workerSrc = workerUrl;

/** Where a field was read: 1-based page, box as fractions of the page from its top-left corner. */
export interface PageBox { page: number; left: number; top: number; width: number; height: number }

export interface Highlight {
  label: string;
  /** Where the engine read the field, as fractions of the page; null when it gave none. */
  position: PageBox | null;
  /** What to look for in a PDF's text layer when there is no position, in the forms an invoice prints it. */
  needles: string[];
  /** Why there is no position at all (an e-invoice read from its XML), shown instead of a search. */
  noPositionReason?: string;
}

interface Box { left: number; top: number; width: number; height: number }

/** TIFF pages decoded beyond this many are not shown: an invoice has a few pages, a hostile file thousands. */
const maxTiffPages = 20;

const fold = (text: string) => text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\s\u00a0\u202f]/g, "");

/** Each page of a TIFF as a PNG object URL. UTIF is loaded only when a TIFF is opened. */
async function tiffPages(file: Blob): Promise<string[]> {
  const loaded = await import("utif");
  // A CommonJS module: its functions may come as the namespace or as its default export, depending on the bundler.
  const UTIF = ("default" in loaded && loaded.default ? loaded.default : loaded) as typeof loaded;
  const buffer = await file.arrayBuffer();
  const urls: string[] = [];
  for (const ifd of UTIF.decode(buffer).slice(0, maxTiffPages)) {
    UTIF.decodeImage(buffer, ifd);
    if (!ifd.width || !ifd.height) continue;
    const canvas = document.createElement("canvas");
    canvas.width = ifd.width;
    canvas.height = ifd.height;
    const context = canvas.getContext("2d");
    if (!context) continue;
    context.putImageData(new ImageData(new Uint8ClampedArray(UTIF.toRGBA8(ifd)), ifd.width, ifd.height), 0, 0);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (png) urls.push(URL.createObjectURL(png));
  }
  if (urls.length === 0) throw new Error("TIFF illisible : aucune page décodée.");
  return urls;
}

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
  const [images, setImages] = useState<string[]>([]);
  const [imageBroken, setImageBroken] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [frameWidth, setFrameWidth] = useState(0);
  // The engine's outline is drawn once the page is, so it never sits over a page still being resized.
  const [pageDrawn, setPageDrawn] = useState(false);
  const isPdf = mediaType === "application/pdf";
  const isTiff = mediaType === "image/tiff";
  const isImage = mediaType.startsWith("image/");
  const position = highlight?.position ?? null;

  useEffect(() => {
    const controller = new AbortController();
    setFile(null);
    setError(null);
    setPdf(null);
    setImages([]);
    setImageBroken(false);
    setPage(1);
    invoiceFile(invoiceId, controller.signal).then(setFile, (e: unknown) => {
      if (!controller.signal.aborted) setError(e);
    });
    return () => controller.abort();
  }, [invoiceId]);

  useEffect(() => {
    if (!file || !isImage) return;
    let cancelled = false;
    let urls: string[] = [];
    (isTiff ? tiffPages(file) : Promise.resolve([URL.createObjectURL(file)])).then(
      (made) => {
        urls = made;
        if (cancelled) {
          made.forEach((u) => URL.revokeObjectURL(u));
          return;
        }
        setImages(made);
      },
      () => {
        if (!cancelled) setImageBroken(true);
      },
    );
    return () => {
      cancelled = true;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [file, isImage, isTiff]);

  useEffect(() => {
    if (!file || !isPdf) return;
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
  }, [file, isPdf]);

  const pages = pdf?.numPages ?? Math.max(1, images.length);

  // At 100 % a page fits the frame's width (a phone's screen), never wider than its own size.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setFrameWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [file, pdf, images.length]);

  // Selecting a field read on another page turns to that page.
  useEffect(() => {
    if (position && position.page >= 1 && position.page <= pages) setPage(position.page);
  }, [position, pages]);

  useEffect(() => {
    // The frame's width decides the scale: drawing before it is known would draw the page twice.
    if (!pdf || !canvas.current || frameWidth === 0) return;
    let cancelled = false;
    setPageDrawn(false);
    const target = canvas.current;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    (async () => {
      const pdfPage = await pdf.getPage(page);
      if (cancelled) return;
      const natural = pdfPage.getViewport({ scale: 1 });
      const fit = frameWidth > 0 ? Math.min(1, frameWidth / natural.width) : 1;
      // 1.5 × CSS pixels keeps text sharp on ordinary screens.
      const viewport = pdfPage.getViewport({ scale: 1.5 * fit * zoom });
      target.width = viewport.width;
      target.height = viewport.height;
      target.style.width = `${viewport.width / 1.5}px`;
      target.style.height = `${viewport.height / 1.5}px`;
      task = pdfPage.render({ canvas: target, viewport });
      await task.promise.catch(() => undefined);
      if (cancelled) return;
      setPageDrawn(true);
      onRendered?.();
      if (!highlight || highlight.position || highlight.noPositionReason) {
        setBoxes(null);
        return;
      }
      // No position from the engine: the value is looked up in the text layer, wherever it is printed.
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
  }, [pdf, page, zoom, highlight, frameWidth]);

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
  if (isImage && images.length === 0 && !imageBroken) return <Loading label="Décodage de l'image…" />;

  const positionBox = position && position.page === page && (pageDrawn || !isPdf) ? (
    <span className="viewer-highlight" data-testid="field-highlight" data-source="engine"
      style={{
        left: `calc(${position.left * 100}% - 3px)`, top: `calc(${position.top * 100}% - 3px)`,
        width: `calc(${position.width * 100}% + 6px)`, height: `calc(${position.height * 100}% + 6px)`,
      }} />
  ) : null;

  let note: string | null = null;
  if (highlight) {
    if (position) note = `« ${highlight.label} » encadré là où il a été lu (page ${position.page}).`;
    else if (highlight.noPositionReason) note = highlight.noPositionReason;
    else if (isPdf && boxes !== null) {
      note = boxes.length > 0 ? `« ${highlight.label} » trouvé dans le texte de la page et encadré.`
        : `« ${highlight.label} » : pas de position lue pour ce champ, ni trouvé dans le texte de cette page.`;
    } else if (isImage) note = `« ${highlight.label} » : pas de position lue pour ce champ.`;
  }

  return (
    <div className="viewer">
      <div className="viewer-tools" role="toolbar" aria-label="Affichage du document">
        <button type="button" className="button" onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))} aria-label="Réduire">−</button>
        <span aria-live="polite">{Math.round(zoom * 100)} %</span>
        <button type="button" className="button" onClick={() => setZoom((z) => Math.min(3, z + 0.25))} aria-label="Agrandir">+</button>
        {pages > 1 || isPdf ? (
          <>
            <button type="button" className="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>Page précédente</button>
            <span>Page {page} / {pages}</span>
            <button type="button" className="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>Page suivante</button>
          </>
        ) : null}
      </div>
      {note && <p className="viewer-note" role="status">{note}</p>}
      <div className="viewer-page" ref={frame}>
        {isPdf ? (
          <div className="viewer-canvas">
            <canvas ref={canvas} aria-label={`Page ${page} de ${fileName}`} />
            {positionBox}
            {(boxes ?? []).map((b, i) => (
              <span key={i} className="viewer-highlight" data-testid="field-highlight" data-source="text"
                style={{ left: b.left - 3, top: b.top - 3, width: b.width + 6, height: b.height + 6 }} />
            ))}
          </div>
        ) : imageBroken ? (
          <p className="state">Aperçu impossible : le fichier n'est pas une image lisible.</p>
        ) : (
          <div className="viewer-canvas viewer-image" style={{ width: `${zoom * 100}%` }}>
            <img src={images[page - 1]} alt={pages > 1 ? `Page ${page} de ${fileName}` : fileName}
              onLoad={() => onRendered?.()} onError={() => setImageBroken(true)} />
            {positionBox}
          </div>
        )}
      </div>
    </div>
  );
}
