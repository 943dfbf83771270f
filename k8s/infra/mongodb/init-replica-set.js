// Initiates the replica set from MONGODB_MEMBERS unless it already is; run against the first member directly.
// Waits until the member is reachable and the set has a primary. Safe to run again.
const name = process.env.MONGODB_REPLICA_SET;
const members = process.env.MONGODB_MEMBERS.split(',').map((host, id) => ({ _id: id, host: host.trim() }));

let initiated = false;
try {
  rs.status();
  initiated = true;
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') {
    throw e;
  }
}
if (!initiated) {
  print(`Initiating replica set ${name} with ${members.map(m => m.host).join(', ')}`);
  rs.initiate({ _id: name, members: members });
}
for (let attempt = 0; attempt < 120; attempt++) {
  const primary = rs.status().members.find(m => m.stateStr === 'PRIMARY');
  if (primary) {
    print(`Replica set ${name} has its primary: ${primary.name}`);
    quit(0);
  }
  sleep(1000);
}
print(`Replica set ${name} elected no primary in 2 minutes`);
quit(1);
