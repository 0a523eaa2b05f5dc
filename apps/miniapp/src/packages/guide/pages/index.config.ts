import { messages } from '../../../messages/zh-CN';

export default definePageConfig({ navigationBarTitleText: messages.assist.desk });
