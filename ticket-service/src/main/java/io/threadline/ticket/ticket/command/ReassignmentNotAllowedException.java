package io.threadline.ticket.ticket.command;

/** Only a supervisor (or admin) takes a ticket away from the agent it is assigned to. */
public class ReassignmentNotAllowedException extends TicketRuleException {

    public ReassignmentNotAllowedException(String currentAssignee) {
        super("The ticket is assigned to " + currentAssignee + "; only a supervisor can reassign it");
    }
}
