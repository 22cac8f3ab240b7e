package org.hotline8890.cases;

/** 咨询 / 求助 / 投诉 / 举报 / 建议 / 表扬 / 其他. */
public enum CaseType {
    CONSULTATION, HELP, COMPLAINT, REPORT, SUGGESTION, PRAISE, OTHER
}
