/**
 * The knowledge base (知识库): articles agents answer callers from, proposed by departments and
 * approved by the center, found by Chinese full-text search (Lucene with the smartcn analyzer), hidden
 * once expired with a reminder to the owning unit. Start with {@link org.hotline8890.knowledge.KnowledgeBase}.
 */
package org.hotline8890.knowledge;
