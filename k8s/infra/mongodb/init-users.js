// One user per service, each allowed to read and write its own database only (read includes change streams).
// Creates missing users and resets the password of existing ones from the Secrets, so re-running the job after
// changing a <service>-mongodb Secret rotates that password.
const services = [
  { env: 'CHANNEL_GATEWAY', database: 'threadline-gateway' },
  { env: 'TICKET_SERVICE', database: 'threadline-tickets' },
  { env: 'CUSTOMER_HISTORY_SERVICE', database: 'threadline-history' },
  { env: 'ANALYTICS_SERVICE', database: 'threadline-analytics' },
];
const admin = db.getSiblingDB('admin');
for (const service of services) {
  const user = process.env[`${service.env}_USERNAME`];
  const pwd = process.env[`${service.env}_PASSWORD`];
  const roles = [{ role: 'readWrite', db: service.database }];
  if (admin.getUser(user)) {
    admin.updateUser(user, { pwd: pwd, roles: roles });
    print(`Updated user ${user} (readWrite on ${service.database})`);
  } else {
    admin.createUser({ user: user, pwd: pwd, roles: roles });
    print(`Created user ${user} (readWrite on ${service.database})`);
  }
}
