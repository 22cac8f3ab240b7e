package org.hotline8890.workflow;

import static org.hotline8890.workflow.ProcessVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline8890.cases.Deadlines;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code hotline-case.bpmn}, wired by {@code delegateExpression}. Each is a thin
 * adapter: read the case id, call one {@link CaseLifecycle} step, write back small routing values.
 */
@Configuration(proxyBeanMethods = false)
class Delegates {

    @Bean
    JavaDelegate dispatchCaseDelegate(CaseLifecycle lifecycle) {
        return execution -> {
            var dispatched = lifecycle.dispatch(caseId(execution))
                    .orElseThrow(() -> new BpmnError(ERROR_NO_ROUTE, "the dispatch catalogue has no department for this case"));
            Deadlines d = dispatched.deadlines();
            execution.setVariable(DEPARTMENT_CODE, dispatched.departmentCode());
            execution.setVariable(VIA_SUB_CENTER, dispatched.viaSubCenter());
            execution.setVariable(SUB_CENTER_CODE, dispatched.viaSubCenter() ? dispatched.departmentCode() : null);
            execution.setVariable(SIGN_DUE, date(d.signBy()));
            execution.setVariable(HANDLE_WARN_AT, date(d.warnAt()));
            execution.setVariable(HANDLE_DUE, date(d.handleBy()));
            startEscalation(lifecycle, execution);
        };
    }

    // Answer, reject and merge are decided (and recorded on the case) by a person; the process tells the citizen.
    @Bean
    JavaDelegate answerDirectlyDelegate(CaseLifecycle lifecycle) {
        return execution -> execution.setVariable(PUBLISHABLE, lifecycle.announceIntakeOutcome(caseId(execution)));
    }

    @Bean
    JavaDelegate rejectCaseDelegate(CaseLifecycle lifecycle) {
        return execution -> lifecycle.announceIntakeOutcome(caseId(execution));
    }

    @Bean
    JavaDelegate mergeCaseDelegate(CaseLifecycle lifecycle) {
        return execution -> lifecycle.announceIntakeOutcome(caseId(execution));
    }

    @Bean
    JavaDelegate flagLateSigningDelegate(CaseLifecycle lifecycle) {
        return execution -> lifecycle.flagLateSigning(caseId(execution));
    }

    @Bean
    JavaDelegate warnHandlerDelegate(CaseLifecycle lifecycle) {
        return execution -> lifecycle.warnHandler(caseId(execution));
    }

    @Bean
    JavaDelegate flagOverdueDelegate(CaseLifecycle lifecycle) {
        return execution -> lifecycle.flagOverdue(caseId(execution));
    }

    @Bean
    JavaDelegate takeEscalationStepDelegate(CaseLifecycle lifecycle) {
        return execution -> {
            Optional<Instant> next = lifecycle.takeEscalationStep(caseId(execution), handlingFrom(execution));
            execution.setVariable(ESCALATION_CONTINUES, next.isPresent());
            next.ifPresent(at -> execution.setVariable(ESCALATION_DUE_AT, date(at)));
        };
    }

    @Bean
    JavaDelegate grantExtensionDelegate(CaseProcess process, CaseLifecycle lifecycle) {
        return execution -> process.moveHandlingTimers(execution.getProcessInstanceId(),
                ((Date) execution.getVariable(HANDLE_WARN_AT)).toInstant(),
                ((Date) execution.getVariable(HANDLE_DUE)).toInstant(),
                lifecycle.nextEscalationDue(caseId(execution), handlingFrom(execution)).orElse(null));
    }

    @Bean
    JavaDelegate requestFeedbackDelegate(CaseLifecycle lifecycle) {
        return execution -> execution.setVariable(FEEDBACK_DUE, date(lifecycle.requestFeedback(caseId(execution))));
    }

    @Bean
    JavaDelegate closeWithoutFeedbackDelegate(CaseLifecycle lifecycle) {
        return execution -> execution.setVariable(PUBLISHABLE, lifecycle.closeWithoutFeedback(caseId(execution)));
    }

    @Bean
    JavaDelegate reopenForRehandlingDelegate(CaseLifecycle lifecycle) {
        return execution -> {
            Deadlines d = lifecycle.reopenForRehandling(caseId(execution));
            execution.setVariable(HANDLE_WARN_AT, date(d.warnAt()));
            execution.setVariable(HANDLE_DUE, date(d.handleBy()));
            startEscalation(lifecycle, execution);
        };
    }

    @Bean
    JavaDelegate closeCaseDelegate(CaseLifecycle lifecycle) {
        return execution -> execution.setVariable(PUBLISHABLE, lifecycle.close(caseId(execution)));
    }

    @Bean
    JavaDelegate publishResultDelegate(CaseLifecycle lifecycle) {
        return execution -> lifecycle.publish(caseId(execution));
    }

    private static void startEscalation(CaseLifecycle lifecycle, DelegateExecution execution) {
        CaseLifecycle.EscalationRound round = lifecycle.startEscalation(caseId(execution));
        execution.setVariable(HANDLING_FROM, date(round.from()));
        execution.setVariable(ESCALATION_DUE_AT, date(round.firstDue()));
    }

    /** Null in instances started before the ladder existed: the lifecycle then counts from the dispatch. */
    private static Instant handlingFrom(DelegateExecution execution) {
        Date from = (Date) execution.getVariable(HANDLING_FROM);
        return from == null ? null : from.toInstant();
    }

    private static Long caseId(DelegateExecution execution) {
        return (Long) execution.getVariable(CASE_ID);
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
