-- The W3C trace context (traceparent) of the span that enqueued a job, so the job's span joins the sender's trace:
-- an upload, its OCR job and its analysis job read as one trace. NULL when the sender was not traced.
ALTER TABLE job_queue ADD COLUMN trace_parent text;
ALTER TABLE job_dead_letters ADD COLUMN trace_parent text;
