// A child process that builds index entries (segmentation, transliteration, phonetic keys) for a rebuild of the
// search index, so that the parent writes one page of entries while the next page is built on another core
// (see `startDocumentBuilder`). It answers each message with the entries of the complaints it was sent.
import { buildSearchDocument, type SearchableComplaint } from './document';

process.on('message', (message: { id: number; complaints: SearchableComplaint[] }) => {
  const documents = message.complaints.map(buildSearchDocument);
  // The parent may have stopped meanwhile (the rebuild interrupted): then there is no one to answer.
  if (process.connected) process.send!({ id: message.id, documents }, (error: Error | null) => error && process.exit(0));
});
process.on('disconnect', () => process.exit(0));
