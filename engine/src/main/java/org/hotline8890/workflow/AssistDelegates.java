package org.hotline8890.workflow;

import static org.hotline8890.workflow.ProcessVariables.ASSIST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code hotline-assist.bpmn}, wired by {@code delegateExpression}: read the assist's
 * id and take one step of {@link AssistActions} on its timer.
 */
@Configuration(proxyBeanMethods = false)
class AssistDelegates {

    @Bean
    JavaDelegate flagAssistSignLateDelegate(AssistActions assists) {
        return execution -> assists.flagSignLate(assistId(execution));
    }

    @Bean
    JavaDelegate warnAssistingUnitDelegate(AssistActions assists) {
        return execution -> assists.warn(assistId(execution));
    }

    @Bean
    JavaDelegate flagAssistOverdueDelegate(AssistActions assists) {
        return execution -> assists.flagOverdue(assistId(execution));
    }

    private static Long assistId(DelegateExecution execution) {
        return (Long) execution.getVariable(ASSIST_ID);
    }
}
