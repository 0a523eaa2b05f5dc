// Query operations: residents ask (with FAQ suggestions first) and follow their threads; staff
// work the inbox; supervisors may read it.
import { callOptions } from '../../core/budget';
import { sessionOf } from '../../core/auth';
import type { Api } from '../../core/openapi';
import type { Role } from '../../core/principal';
import {
  AskQuestionBody,
  AssignBody,
  CannedAnswers,
  EmptyBody,
  FaqQuery,
  FaqSuggestions,
  InboxPage,
  InboxQuery,
  MyQuestions,
  QuestionParams,
  QuestionTopics,
  QuestionView,
  ReplyBody,
} from './schema';
import type { QuestionService } from './service';

const tags = ['我要问'];
const platformFaults = [
  { status: 502, codes: ['PLATFORM_BAD_GATEWAY'] },
  { status: 503, codes: ['PLATFORM_UNAVAILABLE'] },
  { status: 504, codes: ['PLATFORM_TIMEOUT'] },
];
const RESIDENT: Role[] = ['resident'];
const STAFF: Role[] = ['staff'];
const DESK: Role[] = ['staff', 'supervisor'];
const notFound = { status: 404, codes: ['QUESTION_NOT_FOUND'] };

export function registerQuestionRoutes(api: Api, questions: QuestionService): void {
  api.route({
    operationId: 'suggestFaq',
    method: 'get',
    path: '/api/questions/faq',
    summary: '提问前的常见问题推荐（中文关键词）',
    tags,
    auth: {},
    query: FaqQuery,
    response: FaqSuggestions,
    errors: platformFaults,
    handler: (ctx, { query }) => questions.suggestFaq(query.q, query.itemCode, callOptions(ctx)),
  });

  api.route({
    operationId: 'listQuestionTopics',
    method: 'get',
    path: '/api/questions/topics',
    summary: '可以咨询的办事事项',
    tags,
    auth: {},
    response: QuestionTopics,
    errors: platformFaults,
    handler: (ctx) => questions.topics(callOptions(ctx)),
  });

  api.route({
    operationId: 'askQuestion',
    method: 'post',
    path: '/api/questions',
    summary: '提问（可关联事项、我的申请或我的预约）',
    tags,
    auth: { roles: RESIDENT },
    body: AskQuestionBody,
    response: QuestionView,
    successStatus: 201,
    errors: [{ status: 404, codes: ['SUBJECT_NOT_FOUND'] }, ...platformFaults],
    handler: (ctx, { body }) => questions.ask(sessionOf(ctx), body, callOptions(ctx)),
  });

  api.route({
    operationId: 'listMyQuestions',
    method: 'get',
    path: '/api/questions',
    summary: '我的咨询',
    tags,
    auth: { roles: RESIDENT },
    response: MyQuestions,
    handler: (ctx) => questions.listMine(sessionOf(ctx)),
  });

  api.route({
    operationId: 'getQuestion',
    method: 'get',
    path: '/api/questions/{questionId}',
    summary: '咨询详情（居民只能看到自己的咨询，且看不到内部备注）',
    tags,
    auth: { roles: ['resident', 'staff', 'supervisor'] },
    params: QuestionParams,
    response: QuestionView,
    errors: [notFound],
    handler: (ctx, { params }) => questions.get(sessionOf(ctx), params.questionId),
  });

  api.route({
    operationId: 'replyToQuestion',
    method: 'post',
    path: '/api/questions/{questionId}/replies',
    summary: '回复：居民补充说明；工作人员答复（可用常用回复）或写内部备注',
    tags,
    auth: { roles: ['resident', 'staff'] },
    params: QuestionParams,
    body: ReplyBody,
    response: QuestionView,
    errors: [
      notFound,
      { status: 404, codes: ['CANNED_ANSWER_NOT_FOUND'] },
      { status: 409, codes: ['QUESTION_CLOSED', 'ASSIGNED_TO_OTHER', 'QUESTION_CHANGED', 'THREAD_FULL'] },
      ...platformFaults,
    ],
    handler: (ctx, { params, body }) => questions.reply(sessionOf(ctx), params.questionId, body, callOptions(ctx)),
  });

  api.route({
    operationId: 'closeQuestion',
    method: 'post',
    path: '/api/questions/{questionId}/close',
    summary: '结束咨询（工作人员或提问的居民）',
    tags,
    auth: { roles: ['resident', 'staff'] },
    params: QuestionParams,
    body: EmptyBody,
    response: QuestionView,
    errors: [notFound, { status: 409, codes: ['QUESTION_CHANGED'] }],
    handler: (ctx, { params }) => questions.close(sessionOf(ctx), params.questionId),
  });

  api.route({
    operationId: 'reopenQuestion',
    method: 'post',
    path: '/api/questions/{questionId}/reopen',
    summary: '重新打开已结束的咨询（工作人员）',
    tags,
    auth: { roles: STAFF },
    params: QuestionParams,
    body: EmptyBody,
    response: QuestionView,
    errors: [notFound, { status: 409, codes: ['QUESTION_CHANGED'] }],
    handler: (ctx, { params }) => questions.reopen(sessionOf(ctx), params.questionId),
  });

  api.route({
    operationId: 'listInbox',
    method: 'get',
    path: '/api/inbox',
    summary: '咨询工作台：未分派、我的、待居民回复、超时未首次答复（按工作日计）、全部未结束',
    tags,
    auth: { roles: DESK },
    query: InboxQuery,
    response: InboxPage,
    handler: (ctx, { query }) => questions.inbox(sessionOf(ctx), query),
  });

  api.route({
    operationId: 'assignQuestion',
    method: 'post',
    path: '/api/questions/{questionId}/assignment',
    summary: '分派：认领、转交同事或本厅在岗人员轮流分派',
    tags,
    auth: { roles: STAFF },
    params: QuestionParams,
    body: AssignBody,
    response: QuestionView,
    errors: [
      notFound,
      { status: 404, codes: ['STAFF_NOT_FOUND'] },
      { status: 409, codes: ['ALREADY_ASSIGNED', 'QUESTION_CLOSED', 'QUESTION_CHANGED'] },
      { status: 422, codes: ['STAFF_NOT_ON_DUTY', 'NO_STAFF_ON_DUTY'] },
      ...platformFaults,
    ],
    handler: (ctx, { params, body }) => questions.assign(sessionOf(ctx), params.questionId, body, callOptions(ctx)),
  });

  api.route({
    operationId: 'listCannedAnswers',
    method: 'get',
    path: '/api/inbox/canned-answers',
    summary: '常用回复（占位符 {name} 居民姓名（脱敏）、{item} 事项名称）',
    tags,
    auth: { roles: STAFF },
    response: CannedAnswers,
    handler: async () => questions.cannedAnswers(),
  });
}
