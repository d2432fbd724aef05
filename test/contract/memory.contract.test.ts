/** The in-memory reference adapter passes the workbook-port contract. */
import { MemoryWorkbook } from '../../src/core/port/memory-workbook.ts';
import { runWorkbookPortContract } from './workbook-port-contract.ts';

runWorkbookPortContract('MemoryWorkbook', (data) => Promise.resolve(new MemoryWorkbook(data)));
