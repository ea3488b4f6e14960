// The public face of conversations: other areas import only this file (scripts/check-boundaries.mjs).
export { addConversation, ensureTopics } from "./service.js";
export { eraseNotesWith } from "./store.js";
export { conversationFigures, followUpsDue } from "./store.js";
export type { ConversationFigures, FollowUp } from "./store.js";
