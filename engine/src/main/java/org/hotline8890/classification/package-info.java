/**
 * Classification assist: suggests a request's type, category and department from its words, learnt
 * from the hotline's own closed cases, with no outside service. The agent confirms or corrects.
 */
package org.hotline8890.classification;
