package org.hotline8890.cases;

/** 一般 / 紧急 / 特急. */
public enum Urgency {
    NORMAL, URGENT, VERY_URGENT
}
